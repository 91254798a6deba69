{{%AUTOESCAPE context="HTML"}}{{BODY:none}}
