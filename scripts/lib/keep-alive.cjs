// Preloaded into Prism (NODE_OPTIONS=--require, see prism.ts), which has no option for it: idle
// keep-alive connections stay open 65 s instead of Node's 5 s. Clients (undici: 4 s) then always
// close an idle connection first, so a request is never sent on a socket the server is closing at
// that moment, which surfaced as "UND_ERR_SOCKET other side closed" under load.
const http = require('node:http');

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function listenWithLongKeepAlive(...args) {
  this.keepAliveTimeout = 65_000;
  this.headersTimeout = 66_000; // must exceed keepAliveTimeout
  return listen.apply(this, args);
};
