/*
 * The «Steg» tab: Wagtail's StreamBlock with a labelled «Legg til steg» button below
 * the steps, and one empty step to start from when there is none (methods/blocks.py,
 * StepsBlockAdapter). Wagtail's ⊕ inserters stay for a stage heading or a step in between.
 */
(function () {
  'use strict';

  var StreamBlockDefinition = window.wagtailStreamField.blocks.StreamBlockDefinition;

  // Every block has an id (comments and the editor's block sections are keyed on it).
  function newId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = (Math.random() * 16) | 0;
      return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
  }

  class StepsBlockDefinition extends StreamBlockDefinition {
    render(placeholder, prefix, initialState, initialError) {
      var block = super.render(placeholder, prefix, initialState, initialError);
      var type = this.meta.addStepType;
      var definition = this;

      function addStep(options) {
        return block.insert(
          { type: type, value: definition.initialChildStates[type], id: newId() },
          block.children.length,
          options
        );
      }

      // A method without steps (a new one, or a draft saved before any was written)
      // opens with one to write in, not with «at least one step» as an error.
      if (!block.children.some(function (child) { return child.type === type; })) {
        addStep({ animate: false, focus: false });
      }

      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button-secondary steps-block__add';
      button.textContent = this.meta.addStepLabel;
      button.addEventListener('click', function () {
        addStep({ animate: true, focus: true });
      });
      block.container[0].after(button);
      return block;
    }
  }

  window.telepath.register('methods.blocks.StepsBlock', StepsBlockDefinition);
})();
