// Which build is running: a hash of the sources the bundle was made from (scripts/build.mjs
// defines it). Run from source (tests), there is none, and nothing computed is cached.
declare const __PLANBOARD_BUILD__: string | undefined;

export const BUILD_ID: string | undefined = typeof __PLANBOARD_BUILD__ === 'string' ? __PLANBOARD_BUILD__ : undefined;
