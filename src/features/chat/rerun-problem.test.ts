import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n';
import { rerunProblemText } from './rerun-problem';

describe('rerunProblemText', () => {
  afterEach(() => useLocale.getState().setPreference('auto'));

  it('translates the reasons the controller gives and keeps any other text', () => {
    useLocale.getState().setPreference('zh-CN');
    expect(rerunProblemText('This call can be re-run once the current round ends.')).toBe('当前这一轮结束后才能重新运行此调用。');
    expect(rerunProblemText('/path must be string')).toBe('/path must be string');
    useLocale.getState().setPreference('en');
    expect(rerunProblemText('This call is not part of the latest answer.')).toBe('This call is not part of the latest answer.');
  });
});
