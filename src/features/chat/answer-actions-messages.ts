import { defineMessages } from '../../i18n';

export const answerActionMessages = defineMessages(
  {
    actions: 'Answer actions',
    copy: 'Copy',
    copyMarkdown: 'Copy answer as Markdown',
    copyText: 'Copy as text',
    copyPlain: 'Copy answer as plain text',
    branch: 'Branch from here',
    branchHint: 'Answer this question again as a new branch; the conversation after it stays on its own branch',
    copyMessage: 'Copy message',
  },
  {
    actions: '回答操作',
    copy: '复制',
    copyMarkdown: '以 Markdown 复制回答',
    copyText: '复制为纯文本',
    copyPlain: '以纯文本复制回答',
    branch: '从此处分支',
    branchHint: '重新回答这个问题并作为新分支；之后的对话保留在原来的分支上',
    copyMessage: '复制消息',
  },
);
