import { defineMessages } from '../../i18n';

export const messages = defineMessages(
  {
    showAll: 'Show all',
    showingPart: 'Showing the first {shown} of {total} characters.',
    plainBecauseLong: 'Shown as plain text: this part is too long to format.',
    plainBecauseDeep: 'Shown as plain text: this part is nested too deeply to format.',
  },
  {
    showAll: '显示全部',
    showingPart: '仅显示前 {shown} 个字符，共 {total} 个。',
    plainBecauseLong: '以纯文本显示：这部分太长，无法排版。',
    plainBecauseDeep: '以纯文本显示：这部分嵌套太深，无法排版。',
  },
);
