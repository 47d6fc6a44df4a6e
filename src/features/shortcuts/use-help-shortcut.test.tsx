import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { useHelpShortcut } from './use-help-shortcut';

function Harness({ onHelp }: { onHelp(): void }) {
  useHelpShortcut(onHelp);
  return (
    <div>
      <textarea aria-label="Message" />
      <input type="checkbox" aria-label="Option" />
      <button type="button">Send</button>
      <dialog>
        <button type="button">Inside</button>
      </dialog>
    </div>
  );
}

function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  return target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
}

afterEach(cleanup);

describe('useHelpShortcut', () => {
  it('opens the list for ? on a button or the page, and claims the key', () => {
    const onHelp = vi.fn();
    const { getByRole } = render(<Harness onHelp={onHelp} />);
    expect(press(getByRole('button', { name: 'Send' }), '?')).toBe(false);
    expect(press(document.body, '?')).toBe(false);
    expect(press(getByRole('checkbox'), '?')).toBe(false);
    expect(onHelp).toHaveBeenCalledTimes(3);
  });

  it('leaves ? alone in text fields, with modifiers, when already handled, and under an open dialog', () => {
    const onHelp = vi.fn();
    const { getByRole, container } = render(<Harness onHelp={onHelp} />);
    expect(press(getByRole('textbox', { name: 'Message' }), '?')).toBe(true);
    press(document.body, '?', { ctrlKey: true });
    press(document.body, '/');
    const handled = new KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    container.querySelector('dialog')!.setAttribute('open', '');
    press(document.body, '?');
    expect(onHelp).not.toHaveBeenCalled();
  });

  it('stops listening once unmounted', () => {
    const onHelp = vi.fn();
    const { unmount } = render(<Harness onHelp={onHelp} />);
    unmount();
    press(document.body, '?');
    expect(onHelp).not.toHaveBeenCalled();
  });
});
