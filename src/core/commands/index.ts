export { parseCommand, typingName, commandName, formatCommand, type CommandError, type ParsedCommand } from './parse-command';
export { matchTools, firstSentence, type ToolSummary } from './match-tools';
export { findJsonError, lineAndColumn, type JsonProblem, type JsonSyntaxError } from './json-error';
