/** What the model reads for a call of a tool the user set to Never (it stays English: it goes to the model). */
export function deniedResultText(tool: string): string {
  return `Error: The user does not allow the tool "${tool}", so this call was not run. Do not call it again; carry on without it or ask the user.`;
}
