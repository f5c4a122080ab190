// Vite's `?raw` imports: a file's text, bundled into the test (also inside workerd).
declare module "*?raw" {
  const text: string;
  export default text;
}
