import { defineMessages } from '../../i18n';

export const messages = defineMessages(
  {
    toolStatus: '{name}: {status}',
    pending_approval: 'waiting for approval',
    succeeded: 'done',
    failed: 'failed',
    rejected: 'rejected',
    cancelled: 'cancelled',
    invalid: 'invalid arguments',
    completed: 'Answer complete',
    stopped: 'Stopped',
  },
  {
    toolStatus: '{name}：{status}',
    pending_approval: '等待批准',
    succeeded: '已完成',
    failed: '失败',
    rejected: '已拒绝',
    cancelled: '已取消',
    invalid: '参数无效',
    completed: '回答完毕',
    stopped: '已停止',
  },
);
