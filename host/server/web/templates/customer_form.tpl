{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
{{#HAS_ERROR}}<p class="error-summary" role="alert">{{T_form_errors}}</p>
{{/HAS_ERROR}}{{#HAS_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors_many}}</p>
{{/HAS_ERRORS}}{{#FORM_ERROR}}<p class="field-error">{{ERROR}}</p>
{{/FORM_ERROR}}<form method="post" action="{{ACTION}}" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="name">{{T_customer_name}}</label>
<input id="name" name="name" type="text" required value="{{NAME}}" aria-describedby="{{NAME_DESCRIBEDBY}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
<p id="name-hint" class="hint">{{T_customer_name_hint}}</p>
{{#NAME_ERROR}}<p id="name-error" class="field-error">{{ERROR}}</p>
{{/NAME_ERROR}}</div>
<div class="field">
<label for="email">{{T_customer_email}}</label>
<input id="email" name="email" type="email" autocomplete="off" value="{{EMAIL}}" aria-describedby="{{EMAIL_DESCRIBEDBY}}"{{#EMAIL_INVALID}} aria-invalid="true"{{/EMAIL_INVALID}}>
<p id="email-hint" class="hint">{{T_customer_email_hint}}</p>
{{#EMAIL_ERROR}}<p id="email-error" class="field-error">{{ERROR}}</p>
{{/EMAIL_ERROR}}</div>
<div class="field">
<label for="language">{{T_customer_language}}</label>
<select id="language" name="language"{{#LANGUAGE_INVALID}} aria-invalid="true" aria-describedby="language-error"{{/LANGUAGE_INVALID}}>
<option value="el"{{#LANGUAGE_EL}} selected{{/LANGUAGE_EL}}>{{T_language_el}}</option>
<option value="en"{{#LANGUAGE_EN}} selected{{/LANGUAGE_EN}}>{{T_language_en}}</option>
</select>
{{#LANGUAGE_ERROR}}<p id="language-error" class="field-error">{{ERROR}}</p>
{{/LANGUAGE_ERROR}}</div>
{{>PLUGIN_FIELDS}}
<div class="actions">
<button type="submit">{{T_customer_save}}</button>
<a href="/customers">{{T_customer_cancel}}</a>
</div>
</form>
