#!/usr/bin/env node
// `npm start`: the web app is not built yet; say what runs instead.
console.error('chengyu-sim: the web app is not there yet. Run the model headless instead:\n  npx chengyu-sim --help');
process.exit(1);
