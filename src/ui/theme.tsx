// The theme as a React context for the Ink panes; the colours and marks are in theme-core.ts.
import { createContext, useContext } from 'react';
import { colorFromEnv, makeTheme, type Theme } from './theme-core.js';

export * from './theme-core.js';

const ThemeContext = createContext<Theme>(makeTheme(colorFromEnv()));
export const ThemeProvider = ThemeContext.Provider;
export const useTheme = () => useContext(ThemeContext);
