import type { Command } from './command.js';
export const run: Command = async (args, io) => {
  const { render, Text } = await import('ink');
  const React = await import('react');
  const app = render(React.createElement(Text, null, `hello ${args.join(' ')}`));
  app.unmount();
  return 0;
};
