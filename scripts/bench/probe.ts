// Preloaded (--import) into a measured child started with an IPC channel: answers "memory" with its
// heap and RSS, so the benchmark can read a server's heap growth over a request from outside.
process.channel?.unref();
process.on("message", (message) => {
  if (message === "memory") process.send?.({ heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage.rss() });
});
