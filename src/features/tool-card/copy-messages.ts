import { defineMessages } from '../../i18n';

export const cardCopyMessages = defineMessages(
  {
    copyArguments: 'Copy arguments',
    copyResult: 'Copy result',
    copyError: 'Copy error',
  },
  {
    copyArguments: '复制参数',
    copyResult: '复制结果',
    copyError: '复制错误信息',
  },
);
