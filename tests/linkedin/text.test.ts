import { describe, expect, it } from 'vitest';
import { cleanDisplayName, firstNameFromHints, isDecidedSplit, isPronoun, namesMatchDisplay, splitName } from '../../utils/linkedin/text';

describe('cleanDisplayName', () => {
  it.each([
    ['Jane Doe, MBA', 'Jane Doe'],
    ['Jane Doe, MBA, PMP', 'Jane Doe'],
    ['Dr. Karim Benali, PhD 🎓', 'Karim Benali'],
    ['Dr Karim Benali', 'Karim Benali'],
    ['Karim Benali PhD', 'Karim Benali'],
    ['Karim Benali Ph.D.', 'Karim Benali'],
    ['Yo-Yo Ma', 'Yo-Yo Ma'],
    ['Anne Sophie Morel (She/Her)', 'Anne Sophie Morel'],
    ['Anne Sophie Morel (Elle)', 'Anne Sophie Morel'],
    ['🌍 Lucas Martin 🚀', 'Lucas Martin'],
    ['Lucas Martin 🇫🇷', 'Lucas Martin'],
    ['Lucas Martin | Growth', 'Lucas Martin'],
    ['Mme Claire Petit', 'Claire Petit'],
    ['  Jean   Dupont  ', 'Jean Dupont'],
    ['Madonna', 'Madonna'],
    ['Dr. Amélie Rousseau, MBA 🚀 (she/her)', 'Amélie Rousseau'],
    ['Thomas Girard Premium', 'Thomas Girard'],
    ['Sofia Alves · 2nd', 'Sofia Alves'],
    ['Pr. Paul-Henri Ngata (il/lui)', 'Paul-Henri Ngata'],
    ['✨ 李小龙 ✨', '李小龙'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanDisplayName(raw)).toBe(clean);
  });
});

describe('splitName', () => {
  it.each([
    ['Jean Dupont', 'Jean', 'Dupont'],
    ['Marie-Hélène de La Tour', 'Marie-Hélène', 'de La Tour'],
    ['Baptiste Martin du Pinel', 'Baptiste', 'Martin du Pinel'],
    ['Jan van der Berg', 'Jan', 'van der Berg'],
    ['Marie Claire VASSEUR', 'Marie Claire', 'VASSEUR'],
    ['VASSEUR Marie Claire', 'Marie Claire', 'VASSEUR'],
    ['Дмитрий Волков', 'Дмитрий', 'Волков'],
    ['山田 太郎', '太郎', '山田'],
    ['李小龙', '小龙', '李'],
    ['山田太郎', '太郎', '山田'],
    ['김민준', '민준', '김'],
    ['JEAN DUPONT', 'JEAN', 'DUPONT'],
  ])('%s → %s / %s', (name, first, last) => {
    expect(splitName(name)).toEqual({ first, last });
  });

  it('keeps a single word as the first name', () => {
    expect(splitName('Zaynab')).toEqual({ first: 'Zaynab' });
    expect(splitName('')).toEqual({});
  });
});

describe('isDecidedSplit', () => {
  it('tells a sure split from a guess', () => {
    expect(isDecidedSplit('Jean Dupont')).toBe(true);
    expect(isDecidedSplit('Marie Claire VASSEUR')).toBe(true);
    expect(isDecidedSplit('Marie-Hélène de La Tour')).toBe(true);
    expect(isDecidedSplit('山田 太郎')).toBe(true);
    expect(isDecidedSplit('Jean Pierre Roux')).toBe(false);
    expect(isDecidedSplit('JEAN PIERRE ROUX')).toBe(false);
    expect(isDecidedSplit('山田太郎')).toBe(false);
  });
});

describe('firstNameFromHints', () => {
  it('finds a two-word first name in labels that name the person alone', () => {
    expect(firstNameFromHints('Marie Claire Vasseur', ['Message Marie Claire'])).toBe('Marie Claire');
    expect(firstNameFromHints('Marie Claire Vasseur', ['Marie Claire has verifications'])).toBe('Marie Claire');
    expect(firstNameFromHints('Jean Pierre Roux', ['Envoyer un message à Jean Pierre'])).toBe('Jean Pierre');
  });

  it('ignores labels with the full name or a one-word first name', () => {
    expect(firstNameFromHints('Marie Claire Vasseur', ['Invite Marie Claire Vasseur to connect'])).toBeUndefined();
    expect(firstNameFromHints('Marie Claire Vasseur', ['Send Marie Claire Vasseur’s profile'])).toBeUndefined();
    expect(firstNameFromHints('Baptiste Martin du Pinel', ['Message Baptiste'])).toBeUndefined();
    expect(firstNameFromHints('Marie Claire Vasseur', ['Message Marie Clairette'])).toBeUndefined();
  });
});

describe('names', () => {
  it('recognises pronouns', () => {
    for (const p of ['He/Him', '(She/Her)', 'Elle/Elle', 'they/them', 'il/lui']) expect(isPronoun(p)).toBe(true);
    expect(isPronoun('Head of Sales')).toBe(false);
  });

  it('matches structured names against the displayed one, accents and case aside', () => {
    expect(namesMatchDisplay('Antoine Lefèvre', 'Antoine', 'Lefevre')).toBe(true);
    expect(namesMatchDisplay('Anne Sophie Morel', 'Maxime', 'Renard')).toBe(false);
    expect(namesMatchDisplay('山田 太郎', '太郎', '山田')).toBe(true);
    expect(namesMatchDisplay('王伟', '伟', '王')).toBe(true);
  });
});
