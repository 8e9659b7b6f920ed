// Terminal size, following resizes. Fixed sizes (tests, `render`) bypass the terminal.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export function useTerminalSize(fixed?: { width?: number; height?: number }) {
  const { stdout } = useStdout();
  const read = () => ({ width: fixed?.width ?? stdout.columns ?? 80, height: fixed?.height ?? stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read() depends only on what is listed
  useEffect(() => {
    if (fixed?.width !== undefined && fixed?.height !== undefined) return;
    // A new object on every resize event, so the board re-renders even at an unchanged size: Ink
    // (patched, scripts/ink-patches.mjs) clears the screen on resize and leaves the redraw to us.
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout, fixed?.width, fixed?.height]);
  return fixed?.width !== undefined && fixed?.height !== undefined ? { width: fixed.width, height: fixed.height } : size;
}
