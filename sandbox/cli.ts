// `npm run sandbox [-- --port N --no-contact-list --rate-limit N --latency MS]`
import { parseCliOptions, USAGE, UsageError } from './cli-options';
import { DEMO_CONTACT_ID, DEMO_PROFILE, DEMO_PROFILE_URL } from './seed';
import { DEMO_API_KEY, startSandbox, type SandboxOptions } from './server';

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let options: SandboxOptions | 'help';
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`);
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const port = options.port ?? 8787;
  const sandbox = await startSandbox(options).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use on 127.0.0.1; pick another with --port N (0 = any free port)`);
    if (error.code === 'EACCES') fail(`not allowed to listen on port ${port}; pick another with --port N`);
    throw error;
  });
  const demo = sandbox.contacts.get(DEMO_CONTACT_ID);

  console.log(`Skipcall sandbox listening on ${sandbox.url}`);
  console.log(`  API base URL   ${sandbox.url}`);
  console.log(`  API key        ${DEMO_API_KEY}`);
  console.log(`  Demo profile   ${DEMO_PROFILE_URL} (${DEMO_PROFILE.headline}, ${DEMO_PROFILE.location})`);
  if (demo) console.log(`  Demo contact   ${DEMO_CONTACT_ID} (${demo.firstName} ${demo.lastName}, ${demo.company}, ${demo.city})`);
  console.log(
    `  Contact list   ${options.contactList === false ? 'off' : 'on'} · rate limit ${options.rateLimitPerMinute ?? 100}/min · latency ${options.latencyMs ?? 0} ms`,
  );
  console.log(`  Controls       ${sandbox.url}/__sandbox/{log,reset,fail,latency,contact-list,contacts}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => {
        console.log(`Sandbox stopped (${signal}).`);
        process.exit(0);
      },
      (error: unknown) => fail(`could not stop cleanly: ${String(error)}`),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
