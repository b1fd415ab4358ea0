const command = (process.env.INPUT_COMMAND ?? '').trim();
if (command !== 'sign' && command !== 'gate') {
  process.stdout.write(`::error::image-passport: input "command" must be "sign" or "gate", not "${command}"\n`);
  process.exitCode = 1;
} else {
  await import(`./${command}/index.js`);
}
