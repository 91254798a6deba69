{{%AUTOESCAPE context="HTML"}}<h1>{{MESSAGE}}</h1>
<p><a href="/">{{T_error_home}}</a></p>
