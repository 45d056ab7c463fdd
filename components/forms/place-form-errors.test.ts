import { describe, expect, it } from 'vitest';
import { ApiFetchError } from '@/components/queries/api-fetch';
import { placeFormErrors } from './place-form-errors';

const validation = (fields: { path: string; message: string }[]) =>
  new ApiFetchError(400, 'validation_failed', 'Invalid request: …', fields);

describe('placeFormErrors', () => {
  const placement = { fields: ['username', 'password', 'email'], codes: { username_taken: 'username', wrong_password: 'password' }, rename: { new_email: 'email' } };

  it.each([
    ['nothing', null, { fields: {}, form: null }],
    [
      'field issues under their fields, nothing above the form',
      validation([
        { path: 'body.username', message: 'Use at least 3 characters.' },
        { path: 'body.password', message: 'Use at least 8 characters.' },
        { path: 'body.password', message: 'A second message is not shown.' },
      ]),
      { fields: { username: 'Use at least 3 characters.', password: 'Use at least 8 characters.' }, form: null },
    ],
    ['a renamed API field', validation([{ path: 'body.new_email', message: 'Enter an email address.' }]), { fields: { email: 'Enter an email address.' }, form: null }],
    ['an issue for a field not on the form above it', validation([{ path: 'body.role', message: 'Choose one of: admin, user.' }]), { fields: {}, form: 'Choose one of: admin, user.' }],
    [
      'a code that belongs to a field',
      new ApiFetchError(409, 'username_taken', 'An account with this username already exists.'),
      { fields: { username: 'An account with this username already exists.' }, form: null },
    ],
    ['any other API error above the form', new ApiFetchError(403, 'registration_closed', 'Sign-up is closed.'), { fields: {}, form: 'Sign-up is closed.' }],
    ['no answer at all', new TypeError('Failed to fetch'), { fields: {}, form: 'Could not reach the server. Check your connection and try again.' }],
  ])('%s', (_name, err, expected) => {
    expect(placeFormErrors(err, placement)).toEqual(expected);
  });
});
