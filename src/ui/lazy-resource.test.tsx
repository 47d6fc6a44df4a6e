import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyResource } from './lazy-resource';

afterEach(cleanup);

describe('lazyResource', () => {
  it('loads once for every caller', async () => {
    const load = vi.fn(async () => 'value');
    const resource = lazyResource(load);
    const first = resource.load();
    expect(resource.load()).toBe(first);
    expect(await first).toBe('value');
    expect(resource.peek()).toBe('value');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next use tries again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('chunk gone')).mockResolvedValueOnce('second');
    const resource = lazyResource<string>(load);
    await expect(resource.load()).rejects.toThrow('chunk gone');
    expect(resource.peek()).toBeNull();
    expect(await resource.load()).toBe('second');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('starts loading when a component subscribes, and re-renders it on arrival', async () => {
    let arrive!: (value: string) => void;
    const resource = lazyResource(() => new Promise<string>((resolve) => (arrive = resolve)));
    function Shows() {
      return <p>{resource.useValue() ?? 'waiting'}</p>;
    }
    const { container } = render(<Shows />);
    expect(container.textContent).toBe('waiting');
    await act(async () => arrive('arrived'));
    expect(container.textContent).toBe('arrived');
  });
});
