import { describe, expect, it } from 'vitest';
import { RapportError } from '../../shared/api/errors';
import { describeError } from './errorLog';

describe('describeError', () => {
  it('keeps name, our code, message and stack frames, and nothing an error object carries besides', () => {
    const error = Object.assign(new RapportError('RATE_LIMITED', 'Bluesky asked us to slow down.'), {
      headers: { authorization: 'Bearer hunter2' },
      body: '{"refreshJwt":"hunter2"}',
      cause: new Error('hunter2 in a cause'),
    });
    const text = describeError(error);
    expect(text).toMatch(/^\w*Error \[RATE_LIMITED\]: Bluesky asked us to slow down\.\n\s+at /);
    expect(text).not.toContain('hunter2');
  });

  it('does not print a value thrown that is not an Error', () => {
    expect(describeError('token=hunter2')).toBe('a string was thrown (not shown)');
  });
});
