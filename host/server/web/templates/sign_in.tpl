{{%AUTOESCAPE context="HTML"}}<div class="narrow">
<h1>{{T_sign_in_heading}}</h1>
<p class="intro">{{T_sign_in_intro}}</p>
<form method="post" action="/sign-in" class="form" novalidate>
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field">
<label for="user">{{T_sign_in_user}}</label>
<input id="user" name="user" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="{{USER}}"{{#USER_INVALID}} aria-invalid="true" aria-describedby="user-error"{{/USER_INVALID}}>
{{#USER_ERROR}}<p id="user-error" class="field-error" role="alert">{{ERROR}}</p>
{{/USER_ERROR}}</div>
<div class="field">
<label for="password">{{T_sign_in_password}}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_INVALID}}>
{{#PASSWORD_ERROR}}<p id="password-error" class="field-error" role="alert">{{ERROR}}</p>
{{/PASSWORD_ERROR}}</div>
<div class="actions">
<button type="submit">{{T_sign_in_submit}}</button>
</div>
</form>
</div>
