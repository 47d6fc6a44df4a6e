import { describe, expect, it } from 'vitest';
import { classifyStorageError, faultFor, StorageError } from './errors';

const domError = (name: string, message = 'x') => new DOMException(message, name);

describe('classifyStorageError', () => {
  it('recognises a full disk under every name browsers use', () => {
    expect(classifyStorageError(domError('QuotaExceededError'))).toBe('quota');
    expect(classifyStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe('quota');
    expect(classifyStorageError({ name: 'Error', code: 22 })).toBe('quota');
  });

  it('treats refused or broken storage (private windows, blocked cookies) as unavailable', () => {
    for (const name of ['SecurityError', 'InvalidStateError', 'UnknownError', 'NotAllowedError'])
      expect(classifyStorageError(domError(name))).toBe('unavailable');
  });

  it('keeps the kind a StorageError already carries, and calls the rest "other"', () => {
    expect(classifyStorageError(new StorageError('blocked', 'upgrade blocked'))).toBe('blocked');
    expect(classifyStorageError(new TypeError('oops'))).toBe('other');
    expect(classifyStorageError(domError('DataCloneError'))).toBe('other');
    expect(classifyStorageError(undefined)).toBe('other');
  });
});

describe('faultFor', () => {
  it('says the app is not saving, and why, in words a user can act on', () => {
    expect(faultFor(domError('QuotaExceededError')).message).toBe(
      "Not saving: your browser's storage is full. This conversation lives in this tab only until you free space.",
    );
    expect(faultFor(domError('SecurityError')).message).toMatch(/^Not saving: this browser does not allow storage here \(private window\?\)/);
    expect(faultFor(new StorageError('blocked', 'b'))).toMatchObject({ kind: 'blocked', message: expect.stringContaining('Close other Callstream tabs') });
  });

  it('adds the browser message, shortened, only when the cause is unknown', () => {
    const fault = faultFor(domError('DataCloneError', 'could not be cloned '.repeat(20)));
    expect(fault.kind).toBe('other');
    expect(fault.message).toMatch(/^Not saving: .*\(could not be cloned/);
    expect(fault.message.length).toBeLessThan(260);
    expect(faultFor(domError('QuotaExceededError', 'secret detail')).message).not.toContain('secret detail');
  });
});
