/// <reference types="entraide/vue" />
// ^ Types every <entraide-*> tag in templates (vue-tsc): its properties from the element class.

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
