{{%AUTOESCAPE context="HTML"}}{{#GROUP}}<div class="plugin-fields">
{{#FIELD}}<div class="field{{#CHECKBOX}} check{{/CHECKBOX}}" id="{{ID}}-row">
{{#CHECKBOX}}<input type="hidden" name="{{NAME}}" value="0">
<input id="{{ID}}" name="{{NAME}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}{{#HAS_DESCRIBEDBY}} aria-describedby="{{DESCRIBEDBY}}"{{/HAS_DESCRIBEDBY}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
<label for="{{ID}}">{{LABEL}}</label>
{{/CHECKBOX}}{{#INPUT}}<label for="{{ID}}">{{LABEL}}</label>
<input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}"{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#HAS_DESCRIBEDBY}} aria-describedby="{{DESCRIBEDBY}}"{{/HAS_DESCRIBEDBY}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
{{/INPUT}}{{#HAS_HELP}}<p id="{{ID}}-help" class="hint">{{HELP}}</p>
{{/HAS_HELP}}{{#HAS_ERROR}}<p id="{{ID}}-error" class="field-error" lang="{{ERROR_LANG}}">{{ERROR}}</p>
{{/HAS_ERROR}}</div>
{{/FIELD}}</div>
{{/GROUP}}
