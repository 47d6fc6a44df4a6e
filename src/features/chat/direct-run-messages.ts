import { defineMessages } from '../../i18n';

/** Strings for turns the user ran directly with a slash command. */
export const directRunMessages = defineMessages(
  {
    note: 'Run directly — the model was not asked',
    runAgain: 'Run again',
  },
  {
    note: '直接运行，未询问模型',
    runAgain: '再次运行',
  },
);
