// Turns a zod issue into a sentence a person understands ("Use at least 8 characters."), never
// zod's developer text ("Too small: expected string to have >=8 characters"). Messages are about
// the field they sit next to, so they do not repeat its name.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'a whole number',
};

/** "must be at least 3" → "Must be at least 3." */
export function asSentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
  const exact = (issue as { exact?: boolean }).exact;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && Number(limit) === 1) return 'This is required.';
      if (exact) return `Use exactly ${plural(limit, 'character', 'characters')}.`;
      return small ? `Use at least ${plural(limit, 'character', 'characters')}.` : `Use at most ${plural(limit, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      if (small && Number(limit) === 1) return 'Pick at least one.';
      return small ? `Pick at least ${limit}.` : `Pick at most ${limit}.`;
    default:
      if (small) return inclusive ? `Must be ${limit} or more.` : `Must be more than ${limit}.`;
      return inclusive ? `Must be ${limit} or less.` : `Must be less than ${limit}.`;
  }
}

function formatMessage(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  switch (issue.format) {
    case 'email':
      return 'Enter an email address, like name@example.com.';
    case 'url':
      return 'Enter a full web address, starting with http:// or https://.';
    case 'regex':
      // A schema's own message for a pattern is already written for people.
      return issue.message && !issue.message.startsWith('Invalid string') ? asSentence(issue.message) : 'Contains characters that are not allowed.';
    case 'datetime':
    case 'date':
      return 'Enter a date, like 2024-05-31.';
    default:
      return 'Is not in the expected format.';
  }
}

export function plainIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 only says what it received in its own message; "undefined" means left out.
      if (/received undefined$/.test(issue.message)) return 'This is required.';
      return `Must be ${typeNames[issue.expected] ?? issue.expected}.`;
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return formatMessage(issue);
    case 'invalid_value':
      // A schema's own message (the sort parameter's "sort must be one of: …") is written for people.
      if (issue.message && !/^Invalid (option|input)/.test(issue.message)) return asSentence(issue.message);
      if (issue.values.length === 1) return `Must be ${JSON.stringify(issue.values[0])}.`;
      return `Choose one of: ${issue.values.map((v) => String(v)).join(', ')}.`;
    case 'not_multiple_of':
      return `Must be a multiple of ${issue.divisor}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? `Unknown field "${issue.keys[0]}".` : `Unknown fields: ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
    case 'invalid_union':
      return issue.message && issue.message !== 'Invalid input' ? asSentence(issue.message) : 'This value is not valid here.';
    case 'custom':
      return issue.message ? asSentence(issue.message) : 'This value is not valid here.';
    default:
      return 'This value is not valid here.';
  }
}
