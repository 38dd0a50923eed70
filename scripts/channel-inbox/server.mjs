#!/usr/bin/env node
// The channel inbox: a loopback stand-in for a Teams Workflows webhook and a Slack incoming webhook, for local runs
// and tests. It keeps every post in memory and shows each one on a page as councillors would see it: the Teams
// Adaptive Card rendered with Microsoft's renderer (npm adaptivecards), the Slack blocks as a Block Kit preview.
//
//   node scripts/channel-inbox/server.mjs [--port 1090] [--host 127.0.0.1]
//
//   POST /teams/{name}    a Teams Workflows post: 202 (as Teams answers), 400 when the body is not JSON
//   POST /slack/{name}    a Slack incoming-webhook post: 200 "ok", 400 "invalid_payload" / "no_text" as Slack answers
//   GET  /                the inbox page, newest first
//   GET  /api/messages    every post, newest first (JSON); DELETE empties the inbox
//   GET  /healthz         "ok"
//
// No framework, no dependency beyond the two renderers it serves to the page. Loopback only: it refuses any other host.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const MAX_BODY = 1024 * 1024;
const MAX_KEPT = 500;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const port = Number(option('port', '1090'));
const host = option('host', '127.0.0.1');
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.error(`channel inbox: ${host} is not a loopback address; the inbox listens on loopback only`);
  process.exit(2);
}

// The page's files, and the two renderers from node_modules (pinned in package.json).
const files = {
  '/': ['public/index.html', 'text/html; charset=utf-8'],
  '/assets/inbox.js': ['public/inbox.js', 'text/javascript; charset=utf-8'],
  '/assets/render.js': ['public/render.js', 'text/javascript; charset=utf-8'],
  '/assets/slack-preview.js': ['public/slack-preview.js', 'text/javascript; charset=utf-8'],
  '/assets/inbox.css': ['public/inbox.css', 'text/css; charset=utf-8'],
  '/assets/adaptivecards.min.js': [path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.min.js'), 'text/javascript; charset=utf-8'],
  '/assets/markdown-it.min.js': [path.join(root, 'node_modules/markdown-it/dist/browser/markdown-it.umd.min.js'), 'text/javascript; charset=utf-8'],
};

// The page shows what strangers post: scripts only from here, no inline script, nothing framed or posted elsewhere.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const messages = [];
let nextId = 1;

function send(response, status, body, type = 'text/plain; charset=utf-8', headers = {}) {
  response.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...headers });
  response.end(body);
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('too large'), { status: 413 }));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function keep(kind, channel, text, json, status) {
  messages.unshift({ id: nextId++, kind, channel, receivedAt: new Date().toISOString(), status, body: json ?? null, raw: json ? undefined : text });
  messages.length = Math.min(messages.length, MAX_KEPT);
}

async function receive(kind, channel, request, response) {
  let text;
  try {
    text = await readBody(request);
  } catch (error) {
    send(response, error.status ?? 400, 'request_too_large');
    return;
  }
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // kept below as raw text, answered as the service would
  }

  if (kind === 'teams') {
    const status = json && typeof json === 'object' ? 202 : 400;
    keep(kind, channel, text, json, status);
    send(response, status, status === 202 ? '' : 'The request body is not valid JSON.');
    return;
  }

  // Slack answers 400 with a word: invalid_payload for a body that is not JSON, no_text without text or blocks.
  const status = !json || typeof json !== 'object' ? 400 : (!json.text && !Array.isArray(json.blocks) ? 400 : 200);
  const word = status === 200 ? 'ok' : (!json || typeof json !== 'object' ? 'invalid_payload' : 'no_text');
  keep(kind, channel, text, json, status);
  send(response, status, word);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://inbox.local');
  const route = url.pathname.match(/^\/(teams|slack)\/([A-Za-z0-9._~-]{1,200})$/);
  try {
    if (request.method === 'POST' && route) {
      await receive(route[1], route[2], request, response);
    } else if (request.method === 'GET' && url.pathname === '/api/messages') {
      send(response, 200, JSON.stringify(messages), 'application/json; charset=utf-8');
    } else if (request.method === 'DELETE' && url.pathname === '/api/messages') {
      messages.length = 0;
      send(response, 204, '');
    } else if (request.method === 'GET' && url.pathname === '/favicon.ico') {
      send(response, 204, '');
    } else if (request.method === 'GET' && url.pathname === '/healthz') {
      send(response, 200, 'ok');
    } else if (request.method === 'GET' && files[url.pathname]) {
      const [file, type] = files[url.pathname];
      send(response, 200, await readFile(path.isAbsolute(file) ? file : path.join(here, file)), type);
    } else {
      send(response, 404, 'not found');
    }
  } catch (error) {
    send(response, 500, 'the inbox could not answer: ' + (error?.code ?? 'error'));
  }
});

server.requestTimeout = 10_000;
server.headersTimeout = 10_000;
server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`channel inbox on http://${host === '::1' ? '[::1]' : host}:${actual}/ (Teams: POST /teams/{name}, Slack: POST /slack/{name})`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
