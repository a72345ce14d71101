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
    ['Sales Manager | Acme', 'Sales Manager', 'Acme'],
    ['Ex-Google | Product Manager at Acme', 'Product Manager', 'Acme'],
  ])('%s', (headline, role, company) => {
    const { linked, ...position } = positionFromHeadline(headline);
    expect(position).toEqual({ role, company });
    expect(!!linked).toBe(!headline.startsWith('Sales Manager |'));
  });

  it('takes only a role from keyword lists and single statements', () => {
    expect(positionFromHeadline('Ingénieur backend | Python | Kotlin | Ex-Sorelia')).toEqual({ role: 'Ingénieur backend', company: undefined });
    expect(positionFromHeadline('Chercheur.').role).toBe('Chercheur');
    expect(positionFromHeadline('Consultant | Ex-Google')).toEqual({ role: 'Consultant' });
  });

  it('gives nothing for past positions or empty headlines', () => {
    expect(positionFromHeadline('Ex-CTO at Foo').role).toBeUndefined();
    expect(positionFromHeadline('').role).toBeUndefined();
    expect(positionFromHeadline(undefined).company).toBeUndefined();
  });
});
