import { bootstrapApplication } from '@angular/platform-browser';
import { Component } from '@angular/core';
@Component({ selector: 'aula-root', template: '<p>hi</p>' })
class App {}
bootstrapApplication(App).catch((e: unknown) => console.error(e));
