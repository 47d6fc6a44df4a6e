import { defineMessages } from '../i18n';

export const messages = defineMessages(
  {
    conversations: 'Conversations',
    changeModel: 'Change model or provider',
    newChat: 'New chat',
    settings: 'Settings',
    openingConversation: 'Opening conversation…',
    noModelChosen: 'No model chosen',
    demoLabel: 'Demo (offline)',
  },
  {
    conversations: '对话列表',
    changeModel: '更换模型或服务商',
    newChat: '新对话',
    settings: '设置',
    openingConversation: '正在打开对话…',
    noModelChosen: '未选择模型',
    demoLabel: '离线演示',
  },
);
