import { defineMessages } from '../../../i18n';

export const messages = defineMessages(
  {
    moreApprove: 'More ways to approve',
    menu: 'Approve and remember',
    allowConversation: 'Allow for this conversation',
    allowConversationHint: 'Runs now and in this conversation without asking again',
    allowAlways: 'Always allow',
    allowAlwaysHint: 'Runs now and in every conversation without asking',
    deniedChip: 'Not allowed',
    deniedNotice: 'Not run: “{tool}” is set to Never in Tool permissions, so the model is not offered it.',
  },
  {
    moreApprove: '更多批准方式',
    menu: '批准并记住',
    allowConversation: '在此对话中允许',
    allowConversationHint: '现在运行，本对话中不再询问',
    allowAlways: '始终允许',
    allowAlwaysHint: '现在运行，所有对话中都不再询问',
    deniedChip: '不允许',
    deniedNotice: '未运行：“{tool}”在工具权限中设为“从不”，因此不会提供给模型。',
  },
);
