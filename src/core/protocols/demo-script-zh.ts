/** The demo model's words when the user writes 简体中文 (it answers in the language it is spoken to). */
export const DEMO_ZH = {
  welcome: `## 你好，我是离线演示模型 👋

我**完全在你的浏览器中运行**——不需要 API 密钥，也不联网。我其实不会思考，但可以带你看看 Callstream 是怎么工作的：

- 回答会实时流式显示，并渲染为 *Markdown*。
- 我可以调用内置工具，每次调用都会显示为一张卡片。
- 标记为 **ask** 的工具会等待你的批准——你也可以先修改参数。

试试下面这些：

1. \`列出我的文件\`
2. \`写一条笔记\`（需要你批准）
3. \`运行一个长任务\`（会显示进度条；按“停止”即可取消）
4. \`同时做三件事\`（并行调用）
5. \`运行一段 JavaScript\`（在沙箱中运行）
6. \`计算 (2 + 3) * 7 ^ 2\`

下面是一个代码块，可以试试复制按钮：

\`\`\`ts
function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

| 工具 | 策略 |
| --- | --- |
| list_files, read_file, calculate, process_items | auto |
| write_file, delete_file, run_javascript, fetch_url | ask |

准备好使用真实模型时，打开**设置**并选择一个服务商即可。`,
  oneTool: '我来用一个工具处理。',
  parallel: '我同时来做这几件事。',
  results: '工具返回了以下结果：',
  anythingElse: '还需要什么吗？可以试试欢迎消息里的其他提示。',
  empty: '（空）',
  note: `# 购物清单\n\n- 燕麦奶\n- 咖啡豆\n- 柠檬\n`,
  parallelNote: '在另外两个工具运行的同时写下。\n',
};
