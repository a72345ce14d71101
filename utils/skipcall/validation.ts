// Turns zod issues into `{field, message}` pairs a person can read, e.g.
// "firstName: must be at most 100 characters". Used by the sandbox for its 400
// bodies and by the UI before sending anything.
import type * as z from 'zod/mini';

export interface FieldProblem {
  field: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `must hold at least ${issue.minimum} item(s)`;
      return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
    case 'too_big':
      if (issue.origin === 'array') return `must hold at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum} characters`;
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'has an invalid format';
    case 'invalid_type':
      // zod reports the input only when parsing with `reportInput: true`.
      if ('input' in issue && issue.input === undefined) return 'is required';
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${issue.keys.join(', ')}`;
    default:
      return issue.message || 'is invalid';
  }
}

export function fieldProblems(issues: readonly Issue[]): FieldProblem[] {
  return issues.map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body',
    message: describe(issue),
  }));
}
