import { describe, expect, it } from 'vitest';
import { positionFromHeadline } from '../../utils/linkedin/headline';

describe('positionFromHeadline', () => {
  it.each([
    ['Directrice commerciale chez Brasserie Lumière', 'Directrice commerciale', 'Brasserie Lumière'],
    ['Senior Hardware Engineer at Voltéo', 'Senior Hardware Engineer', 'Voltéo'],
    ['CTO @ Kiwano Labs', 'CTO', 'Kiwano Labs'],
    ['CTO @Kiwano Labs', 'CTO', 'Kiwano Labs'],
    ['🚀 Founder @ Kiwano Labs | Mentor chez Station Nord ✨ | Speaker', 'Founder', 'Kiwano Labs'],
    ['Scrum Master - Software Engineer at Banque Rhodanienne', 'Scrum Master - Software Engineer', 'Banque Rhodanienne'],
    ['Product Manager at Acme - Building the future of payments', 'Product Manager', 'Acme'],
    ['Ex-Google | Product Manager at Acme', 'Product Manager', 'Acme'],
    ['Key Account Manager bei Nordlicht GmbH', 'Key Account Manager', 'Nordlicht GmbH'],
    ['Ingeniera en Verde Agro', 'Ingeniera', 'Verde Agro'],
  ])('%s', (headline, role, company) => {
    expect(positionFromHeadline(headline)).toEqual({ role, company });
  });

  it('takes nothing from keyword lists, single statements or "X | Y": a headline is not a job title', () => {
    expect(positionFromHeadline('Ingénieur backend | Python | Kotlin | Ex-Sorelia')).toEqual({});
    expect(positionFromHeadline('Chercheur.')).toEqual({});
    expect(positionFromHeadline('Sales Manager | Acme')).toEqual({});
  });

  it('gives nothing for past positions or empty headlines', () => {
    expect(positionFromHeadline('Ex-CTO at Foo').role).toBeUndefined();
    expect(positionFromHeadline('').role).toBeUndefined();
    expect(positionFromHeadline(undefined).company).toBeUndefined();
  });
});
