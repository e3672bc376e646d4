// Preloaded with `node --require` into the server or CLI under test: every attempt to open a network
// connection (TCP, TLS, HTTP(S), UDP, DNS, fetch) is recorded to $DATELINE_NET_LOG and refused.
'use strict';
const fs = require('node:fs');

const log = process.env.DATELINE_NET_LOG;
if (log) fs.appendFileSync(`${log}.loaded`, `${process.pid}\n`);

function refuse(name) {
  return function refused(...args) {
    let what = '';
    try {
      what = JSON.stringify(args.filter((a) => typeof a !== 'function')).slice(0, 200);
    } catch {
      what = '(arguments)';
    }
    if (log) fs.appendFileSync(log, `${name} ${what}\n`);
    throw new Error(`network access refused in this test: ${name}`);
  };
}

const patch = (mod, names, prefix) => {
  const m = require(mod);
  for (const n of names) if (typeof m[n] === 'function') m[n] = refuse(`${prefix}.${n}`);
  return m;
};

const net = patch('node:net', ['connect', 'createConnection'], 'net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
patch('node:tls', ['connect'], 'tls');
patch('node:http', ['request', 'get'], 'http');
patch('node:https', ['request', 'get'], 'https');
patch('node:http2', ['connect'], 'http2');
patch('node:dgram', ['createSocket'], 'dgram');
patch('node:dns', ['lookup', 'resolve', 'resolve4', 'resolve6'], 'dns');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = refuse('WebSocket');
