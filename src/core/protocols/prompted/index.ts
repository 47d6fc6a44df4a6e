export { promptedSystemPrompt, TOOL_CALL_CLOSE, TOOL_CALL_OPEN } from './system-prompt';
export { createToolCallTagParser, UNNAMED_TOOL_CALL, type TagParserOptions, type ToolCallTagParser } from './tag-parser';
export { renderToolCall, renderToolResult, toPromptedMessages } from './prompted-transcript';
export { wrapPrompted } from './wrap-prompted';
export { isToolsUnsupportedError, withToolFallback, type ToolFallbackOptions, type ToolSupportMemory } from './tool-fallback';
