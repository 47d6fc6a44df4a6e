// Stands in for the MCP SDK's ajv validator in the build (scripts/mcp-without-ajv.ts): the client is
// always constructed with CfWorkerJsonSchemaValidator, so this never runs unless that changes.
export class AjvJsonSchemaValidator {
  constructor() {
    throw new Error('The ajv validator is not bundled: pass jsonSchemaValidator: new CfWorkerJsonSchemaValidator() to the MCP Client.');
  }
}
