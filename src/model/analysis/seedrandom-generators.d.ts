// Types of the two seedrandom generators imported one by one (the package's index also bundles
// ARC4, crypto seeding and four other generators the project does not use).
declare module 'seedrandom/lib/tychei.js' {
  import type seedrandom from 'seedrandom';
  const tychei: (seed?: string) => seedrandom.PRNG;
  export default tychei;
}

declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: (seed?: string) => seedrandom.PRNG;
  export default alea;
}
