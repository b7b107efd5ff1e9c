// commander's child_process (for subcommands that are executables of their own, which banmian
// has none of), loaded at its first use: Node's child_process pulls in net and streams, about
// 10 ms at every start (scripts/bundle.mjs).
module.exports = {
  spawn: (...args) => require('node:child_process').spawn(...args),
};
