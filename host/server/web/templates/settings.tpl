{{%AUTOESCAPE context="HTML"}}<h1>{{T_settings_title}}</h1>
{{#NO_TABS}}<p class="empty">{{T_settings_none}}</p>
{{/NO_TABS}}{{#TABS}}<nav class="tabs" aria-label="{{T_settings_tabs}}">
<ul>
{{#TAB}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/TAB}}</ul>
</nav>
{{/TABS}}{{#FORM}}<h2>{{HEADING}}</h2>
{{#SAVED}}<p class="notice" role="status">{{T_settings_saved}}</p>
{{/SAVED}}{{#HAS_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors}}</p>
{{/HAS_ERRORS}}{{#HAS_MANY_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors_many}}</p>
{{/HAS_MANY_ERRORS}}{{#HAS_FORM_ERROR}}<p class="field-error" lang="{{FORM_ERROR_LANG}}">{{FORM_ERROR}}</p>
{{/HAS_FORM_ERROR}}<form method="post" action="{{ACTION}}" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#FIELD}}<div class="field{{#CHECKBOX}} check{{/CHECKBOX}}">
{{#CHECKBOX}}<input type="hidden" name="{{NAME}}" value="0">
<input id="{{ID}}" name="{{NAME}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}{{#HAS_DESCRIBEDBY}} aria-describedby="{{DESCRIBEDBY}}"{{/HAS_DESCRIBEDBY}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
<label for="{{ID}}">{{LABEL}}{{#ADMIN_ONLY}} <span class="badge">{{T_settings_admin_only}}</span>{{/ADMIN_ONLY}}</label>
{{/CHECKBOX}}{{#INPUT}}<label for="{{ID}}">{{LABEL}}{{#ADMIN_ONLY}} <span class="badge">{{T_settings_admin_only}}</span>{{/ADMIN_ONLY}}</label>
<input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}"{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#HAS_DESCRIBEDBY}} aria-describedby="{{DESCRIBEDBY}}"{{/HAS_DESCRIBEDBY}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
{{/INPUT}}{{#SELECT}}<label for="{{ID}}">{{LABEL}}{{#ADMIN_ONLY}} <span class="badge">{{T_settings_admin_only}}</span>{{/ADMIN_ONLY}}</label>
<select id="{{ID}}" name="{{NAME}}"{{#HAS_DESCRIBEDBY}} aria-describedby="{{DESCRIBEDBY}}"{{/HAS_DESCRIBEDBY}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</select>
{{/SELECT}}{{#HAS_HELP}}<p id="{{ID}}-help" class="hint">{{HELP}}</p>
{{/HAS_HELP}}{{#HAS_ERROR}}<p id="{{ID}}-error" class="field-error">{{T_settings_refused}} <span lang="{{ERROR_LANG}}">{{ERROR}}</span></p>
{{/HAS_ERROR}}</div>
{{/FIELD}}<div class="actions">
<button type="submit">{{T_settings_save}}</button>
</div>
</form>
{{/FORM}}
