// Drives the sandbox with Cloudflare's official TypeScript SDK, as a team's own script
// would, and prints what the SDK made of each answer as one JSON object on stdout.
// SandboxSdkTest starts the sandbox, runs this with node, and asserts on that object.
// A step that throws is reported ({ error: ... }) and the later ones still run, so
// that one run shows every difference the SDK finds.
import Cloudflare from 'cloudflare';

const { SANDBOX_BASE_URL, SANDBOX_API_TOKEN, SANDBOX_ACCOUNT_ID } = process.env;
const client = new Cloudflare({
  apiToken: SANDBOX_API_TOKEN,
  baseURL: SANDBOX_BASE_URL,
  // A retry would hide a wrong answer behind a second try.
  maxRetries: 0,
  timeout: 10_000,
});
const account_id = SANDBOX_ACCOUNT_ID;
const widgets = client.turnstile.widgets;
const out = {};

async function step(name, action) {
  try {
    out[name] = await action();
  } catch (error) {
    out[name] = {
      error: error?.constructor?.name ?? 'Error',
      status: error?.status ?? null,
      message: String(error?.message ?? error),
    };
  }
}

const sinceHourAgo = new Date(Date.now() - 3_600_000).toISOString();
const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
let sitekey;

await step('list', async () => {
  const all = [];
  // Small pages, so that the SDK's own paging runs through the sandbox's result_info.
  for await (const widget of widgets.list({ account_id, per_page: 5 })) {
    all.push(widget);
  }
  return {
    count: all.length,
    distinct: new Set(all.map((w) => w.sitekey)).size,
    anySecret: all.some((w) => 'secret' in w),
    first: all[0],
  };
});

await step('create', async () => {
  const widget = await widgets.create({
    account_id,
    name: 'made by the SDK',
    domains: ['sdk.example.com'],
    mode: 'managed',
  });
  sitekey = widget.sitekey;
  return widget;
});

await step('get', () => widgets.get(sitekey, { account_id }));

await step('update', () =>
  widgets.update(sitekey, {
    account_id,
    name: 'renamed by the SDK',
    domains: ['sdk.example.com', 'www.sdk.example.com'],
    mode: 'invisible',
  }),
);

await step('rotate', () => widgets.rotateSecret(sitekey, { account_id, invalidate_immediately: false }));

await step('rotateAgain', () => widgets.rotateSecret(sitekey, { account_id }));

await step('delete', () => widgets.delete(sitekey, { account_id }));

await step('getDeleted', () => widgets.get(sitekey, { account_id }));

await step('auditLogs', async () => {
  const all = [];
  // Two a page, oldest first: the SDK follows the sandbox's cursor to the end.
  for await (const entry of client.accounts.logs.audit.list({
    account_id,
    since: sinceHourAgo,
    before: inAnHour,
    direction: 'asc',
    limit: 2,
  })) {
    all.push(entry);
  }
  return all;
});

await step('auditLogsFirstPage', async () => {
  const page = await client.accounts.logs.audit.list({ account_id, since: sinceHourAgo, before: inAnHour, limit: 2 });
  return { size: page.result.length, hasNextPage: page.hasNextPage(), resultInfo: page.result_info };
});

await step('auditLogsBadSince', () =>
  client.accounts.logs.audit.list({ account_id, since: 'last tuesday', before: inAnHour }),
);

await step('tokenVerify', () => client.user.tokens.verify());

console.log(JSON.stringify(out));
