// The floor: Ink + React + yaml drawing one line, bundled the same way as planboard.
import { render, Text } from 'ink';
import { createElement } from 'react';
import { parse } from 'yaml';

const { unmount } = render(createElement(Text, null, `hello ${parse('a: 1').a}`));
unmount();
