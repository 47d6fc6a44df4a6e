import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useLocale } from '../../i18n';
import { LanguageField } from './language-field';

afterEach(() => {
  cleanup();
  useLocale.getState().setPreference('auto');
});

describe('LanguageField', () => {
  it('switches the interface language at once, remembers it, and can go back to the browser’s', () => {
    render(<LanguageField />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(select).toHaveProperty('value', 'auto');
    // Each language is offered in its own script.
    expect(screen.getByRole('option', { name: '简体中文' }).getAttribute('lang')).toBe('zh-CN');

    fireEvent.change(select, { target: { value: 'zh-CN' } });
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveProperty('value', 'zh-CN');
    expect(screen.getByRole('option', { name: '自动（跟随浏览器）' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem('callstream.locale')).toBe('zh-CN');

    fireEvent.change(screen.getByRole('combobox', { name: '语言' }), { target: { value: 'auto' } });
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveProperty('value', 'auto');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('callstream.locale')).toBeNull();
  });
});
