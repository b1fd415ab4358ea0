import { describePolicy } from '../policy/describe.js';
import { loadPolicyFile } from '../policy/policy-file.js';
import schema from '../policy/schema.json';
import { UsageError } from '../usage-error.js';

const help = `usage: image-passport policy check <file>   check a policy file and print it in plain words
       image-passport policy schema         print the policy file's JSON Schema`;

export async function policyCommand(args: string[]): Promise<number> {
  const [action, file] = args;
  if (action === 'schema') {
    console.log(JSON.stringify(schema, null, 2));
    return 0;
  }
  if (action === 'check' && file) {
    for (const line of describePolicy(await loadPolicyFile(file))) console.log(line);
    return 0;
  }
  if (action === '--help' || action === '-h') {
    console.log(help);
    return 0;
  }
  throw new UsageError(`policy needs "check <file>" or "schema"\n${help}`);
}
