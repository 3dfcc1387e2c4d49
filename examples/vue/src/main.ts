import { createApp } from 'vue';
// Registers every Entraide element (once, even if imported again).
import 'entraide';
import App from './App.vue';

createApp(App).mount('#app');
