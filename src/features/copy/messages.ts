import { defineMessages } from '../../i18n';

export const copyMessages = defineMessages(
  {
    copied: 'Copied',
    selected: 'Selected',
    copiedAnnouncement: 'Copied to the clipboard',
    copyFailed: 'Could not copy automatically; select the text and press Ctrl+C or ⌘C',
    selectedAnnouncement: 'Could not copy automatically; the text is selected, press Ctrl+C or ⌘C',
  },
  {
    copied: '已复制',
    selected: '已选中',
    copiedAnnouncement: '已复制到剪贴板',
    copyFailed: '无法自动复制；请选中文字后按 Ctrl+C 或 ⌘C',
    selectedAnnouncement: '无法自动复制；文字已选中，请按 Ctrl+C 或 ⌘C',
  },
);
