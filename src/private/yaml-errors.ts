/**
 * The YAML parser (the `yaml` package) gives up on flow collections (`[ ]`, `{ }`) nested a few
 * hundred levels deep with a stack-overflow message whose column depends on the stack left; this
 * names that case in words, without the column, so that the message is clear and stable.
 */

/** Whether a YAML parse error is the parser giving up on deep nesting. */
export function isTooDeepYaml(error: { readonly message: string }): boolean {
  return error.message.includes('Maximum call stack size exceeded');
}

/** The message for YAML nested deeper than the parser follows. */
export const TOO_DEEP_YAML = 'nested too deeply: the YAML parser follows at most a few hundred levels of [ ] and { }, and no Kubernetes object needs that many; flatten it';
